from catalogue.cli.main import run

run()
