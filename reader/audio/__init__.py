"""Audio: voices (engines), the clip cache, synthesis and assembly into article MP3s."""
