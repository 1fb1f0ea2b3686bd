"""Call-taking panels the new-case dialog shows beside its form: a 12345 work order's fields,
a caller's and a place's earlier cases, and a likely duplicate to merge into."""
