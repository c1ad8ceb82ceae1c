"""Stage 5: the live preview for editors (MkDocs' dev server, regenerating when content/ changes)."""
