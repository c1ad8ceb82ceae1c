"""Stage 1: content/ read with line numbers, checked in two phases, and typed (``load`` returns ``Content``)."""
