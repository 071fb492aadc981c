"""Articles: the model, the SQLite library, fetching and extracting sources, samples."""
