"""Work shared by many machines through Redis (RQ): audio, feed checks, the watcher.

``queue.py`` puts jobs on the queues (from the app, the command line, the watcher
round); ``tasks.py`` holds what a worker runs; ``worker.py`` is ``python -m reader
worker``. Only used when ``READER_REDIS_URL`` is set.
"""
