"""`zhpress` with the CTranslate2 engine slowed down, for the kill tests.

    python slow_zhpress.py translate ...   (same arguments as `zhpress`)

The random-weight test model translates a sentence in ~10 ms, so a kill at a
random moment mostly lands in start-up. ZHPRESS_TEST_DELAY seconds per
sentence are added after each real batch, so kills spread over the work.
"""

from __future__ import annotations

import os
import sys
import time

from zhpress.translate.engines.ctranslate2_engine import CTranslate2Engine

_real = CTranslate2Engine.translate_batch


def _slow(self, sentences, *, progress=None):  # type: ignore[no-untyped-def]
    out = _real(self, sentences, progress=progress)
    time.sleep(float(os.environ.get("ZHPRESS_TEST_DELAY", "0")) * len(sentences))
    return out


CTranslate2Engine.translate_batch = _slow  # type: ignore[method-assign]

if __name__ == "__main__":
    from zhpress.cli import main

    sys.argv = ["zhpress", *sys.argv[1:]]
    main()
