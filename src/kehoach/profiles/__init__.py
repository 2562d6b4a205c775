"""Layout profiles: the numbers of a decree (Nghị định 30) with the clause each comes from."""
