"""Translation stage: segments, engines, translation memory (PO) and checks."""
