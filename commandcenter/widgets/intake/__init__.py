"""Call-taking pieces with no service behind them: the likely-duplicate offer and the reply to
the hotline asked at closure (the parts that ask services are in `views.intake`)."""
