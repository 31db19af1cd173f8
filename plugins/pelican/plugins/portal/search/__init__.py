"""Search: documents from the model, the sharded BM25 index (lunr's weights), and the generator writing them."""
