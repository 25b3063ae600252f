"""Personal statistics over a person's own days: comparisons with intervals, false-discovery
control, streaks, calendars, trends and a small forecast. Pure NumPy/SciPy maths over plain
values; imports only `mindspace.core`. No I/O, no Qt, no vault."""
