"""Approval rules: what a request needs (with reasons) before it may move on."""
