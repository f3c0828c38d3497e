"""The careers demo content is data (careers/demo_data/careers.toml), loaded by home/demo.py."""

# The group careers.toml creates, by name, as the README and the permission tests refer to it.
HIRING_GROUP = "Hiring managers"
