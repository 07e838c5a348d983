"""Reading articles: files and JSONL lines -> decoded records, or a clear reason why not."""
