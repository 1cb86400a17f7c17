"""The request register: requests from overseas forces and the guarded workflow they follow."""
