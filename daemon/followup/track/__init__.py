"""Applications, their state, and when each draft is due. Pure code: data and `now` in."""
