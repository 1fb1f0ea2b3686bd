"""Call-taking beyond the plain report: merging duplicates, further reporters, 12345 work
orders, likely duplicates and a caller's or a place's earlier cases. No Qt."""
