"""Search: documents from the model, the sharded lunr index, and the generator writing them."""
