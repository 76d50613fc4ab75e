from parlgraph.cli import app

app()
