"""The JSON Schema's private parts: its generator and the findings of its errors."""
