"""Reading what a worker wrote into its job: whatever is there, a sensible progress."""

from hypothesis import given
from hypothesis import strategies as st
from rq.job import JobStatus

from reader.jobs.progress import DONE, FAILED, MAKING, QUEUED, AudioProgress, read_progress

JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                    max_leaves=10)
META = st.one_of(JSON, st.fixed_dictionaries({}, optional={
    "stage": JSON, "ready": st.integers(-3, 20) | JSON, "total": st.integers(-3, 20) | JSON,
    "part_keys": st.lists(st.text(max_size=8), max_size=8) | JSON}))
STATUSES = st.sampled_from([*JobStatus, None, "nonsense"])


@given(META, STATUSES)
def test_any_meta_reads_as_a_progress_that_adds_up(raw, status):
    progress = read_progress(raw, status)
    assert progress.stage in (QUEUED, MAKING, DONE, FAILED)
    assert 0 <= len(progress.part_keys) <= progress.ready <= progress.total


def test_the_stage_follows_the_jobs_status():
    written = {"stage": "making", "ready": 2, "total": 5, "part_keys": ["a", "b"]}
    assert read_progress(written, JobStatus.STARTED) == AudioProgress(MAKING, 2, 5, ("a", "b"))
    assert read_progress(written, JobStatus.QUEUED).stage == QUEUED  # retried after its worker died
    assert read_progress(written, JobStatus.FINISHED).stage == DONE
    assert read_progress(written, JobStatus.FAILED).stage == FAILED
    assert read_progress(None, JobStatus.QUEUED) == AudioProgress(QUEUED)
