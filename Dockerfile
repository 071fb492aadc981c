# The reader's image for compose.yaml: the app and the workers run the same code.
FROM python:3.11-slim-bookworm
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ffmpeg espeak-ng \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /srv/reader
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
ENV READER_DATA_DIR=/srv/reader/data READER_CACHE_DIR=/srv/reader/audio_cache
EXPOSE 8501
CMD ["python", "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.address", "0.0.0.0", "--server.port", "8501"]
