"""Intelligence over news items: what an item is about, who is in it, and how actors relate. No discord here."""
