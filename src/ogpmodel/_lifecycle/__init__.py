"""The lifecycle's private parts: tables, histories, guards' predicates and exports."""
