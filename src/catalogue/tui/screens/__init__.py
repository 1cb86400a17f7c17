"""The app's screens: explorer (home), programme builder, requests board, help."""
