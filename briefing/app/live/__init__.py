"""Live reload: a save in the editor shows on the slide while the talk goes on.

``watcher`` reports settled saves, ``reload`` loads the storyboard again and
says what changed, ``apply`` swaps the new storyboard into the presenter's
state and scenes, ``banner`` shows a save that does not load.
"""
