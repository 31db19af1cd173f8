"""Pages: the Pelican generator, reader, URL and rendering phase, charts and Jinja filters."""
