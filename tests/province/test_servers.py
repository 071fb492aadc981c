"""The test servers themselves: real PostgreSQL and Redis on loopback, as CI starts them."""

import psycopg
import redis


def test_postgres_answers_with_unaccent(postgres_url):
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        assert conn.execute("SELECT unaccent('Đường An Biên')").fetchone()[0] == "Duong An Bien"


def test_redis_answers(redis_url):
    client = redis.Redis.from_url(redis_url)
    client.set("k", "v")
    assert client.get("k") == b"v"
