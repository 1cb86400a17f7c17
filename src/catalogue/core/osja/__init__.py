"""OSJA (Overseas Security and Justice Assistance) human-rights assessments as recorded human
judgement: dated risk facts, the prompts that apply to a request, the suggested minimum approval
level (local practice) and the versioned assessment record. See docs/osja.md."""
