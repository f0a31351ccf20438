"""The bundled offline demo: sample feeds served from 127.0.0.1 and read through the real fetcher."""
