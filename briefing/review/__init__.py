"""The round trip: a stakeholder's edited deck back into the storyboard it was exported from.

``deck`` reads an exported deck back (text, notes, figures, chart data, alt
text, comments), ``match`` pairs its slides with the storyboard's, ``changes``
works out what changed, ``apply`` writes that into the YAML as the smallest
text edit, and ``importer`` puts them together for ``briefing import``, the
app's File > Import review... and ``briefing diff``. Pure Python and
python-pptx: never Qt.
"""
