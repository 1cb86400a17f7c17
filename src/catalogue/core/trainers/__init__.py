"""Trainers, their deliveries and what the training achieved.

The roster (who may deliver what, accredited until when, unavailable when), assignments of
trainers to a programme's delivery with warnings that give their reasons, the delivery
calendar and its iCalendar export, and each delivery's cohort and evaluation.
"""
