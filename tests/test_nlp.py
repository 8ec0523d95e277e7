import pytest

from govgraph.model import GovgraphError
from govgraph.nlp import load_pipeline, parse


def test_pipeline_is_loaded_once(nlp):
    assert load_pipeline() is nlp
    assert "govgraph_line_breaks" in nlp.pipe_names


def test_line_breaks_start_sentences(nlp):
    doc = parse(nlp, "Minister quits over row\nThe minister quit on Monday.")
    assert [s.text for s in doc.sents] == ["Minister quits over row\n", "The minister quit on Monday."]


def test_missing_pipeline_names_the_package():
    with pytest.raises(GovgraphError, match="not installed.*pip install"):
        load_pipeline("no_such_pipeline_xyz")


def test_a_worker_runs_one_blas_thread():
    # in a child process: the limit is for a whole process, and the test session's stays as it is
    import os
    import subprocess
    import sys

    script = ("from threadpoolctl import threadpool_info\n"
              "import numpy\n"
              "from govgraph.nlp import one_blas_thread\n"
              "one_blas_thread()\n"
              "print(sorted({pool['num_threads'] for pool in threadpool_info() if pool['user_api'] == 'blas'}))\n")
    many = {**os.environ, "OPENBLAS_NUM_THREADS": "4"}  # so the test means something on one core too
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           env=many).stdout
    assert shown.strip() == "[1]"
