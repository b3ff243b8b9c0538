"""Manualen: the Swedish NRM process as data, checked and rendered as a static site."""
