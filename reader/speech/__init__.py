"""Speech: the Vietnamese spoken form of written news (normalize, segment, script)."""
