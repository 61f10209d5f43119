"""Scale benchmark (issue 6): a synthetic national corpus, parser throughput against JioNLP, build time and memory.

Run on demand with `python -m tests.bench [--sizes 100,1000,10000]`; it is not part of the default pytest run
(no test_*.py files here).
"""
