"""The talk clock: elapsed and per-slide time (``talk_timer``), the plan
(``pacing``), and the report after a rehearsal (``timing_report``, ``timing_dialog``).

Writing rehearsal timings back into the storyboard (issue 11) belongs here too.
"""
