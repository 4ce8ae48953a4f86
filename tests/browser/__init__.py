"""Real-browser tests: the built site served on 127.0.0.1 and driven with Playwright + Chromium."""
