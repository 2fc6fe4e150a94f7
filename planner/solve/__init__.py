"""Auto-plan: an abstract routing-and-scheduling model, its CP-SAT solver, and adaptors to tours."""
