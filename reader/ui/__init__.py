"""Streamlit pages and components of the listening app."""
