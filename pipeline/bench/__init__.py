"""`pipeline bench`: the pipeline's speed and memory on real news, next to natasha run by hand."""
