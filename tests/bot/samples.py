"""Feed items for the bot tests: stories whose articles cluster (follow-ups), exact copies, and unrelated ones."""

from __future__ import annotations

from tests.helpers.feeds import Item

OLD = [Item("An old item already in the feed", "Backlog text that must never be posted.", guid="old-1",
            link="https://old.example/1"),
       Item("Another old item", "More backlog that stays unposted.", guid="old-2", link="https://old.example/2")]

# One story, told by three outlets in their own words (same story, not copies).
STRIKE = Item("Israel and Iran exchange strikes near Isfahan air base",
              "Iranian air defences fired at drones over Isfahan early on Friday after Israel launched strikes "
              "on an air base, officials in Tehran said.", guid="strike-1", link="https://alpha-news.example/strike")
STRIKE_FOLLOW_UP = Item("Israel strikes air base near Isfahan, Iranian officials say",
                        "Explosions were heard near an air base in Isfahan as Israel carried out strikes on Iran "
                        "overnight, Iranian officials said on Friday.", guid="strike-2",
                        link="https://beta-wire.example/isfahan")
STRIKE_THIRD = Item("Drones shot down over Isfahan as Israel hits Iranian air base",
                    "Iran said its air defences shot down drones over Isfahan after Israeli strikes on an air "
                    "base on Friday.", guid="strike-3", link="https://gamma-post.example/drones")
# The first article again, word for word, from another outlet: a copy.
STRIKE_COPY = Item(STRIKE.title, STRIKE.body, guid="strike-copy", link="https://delta-times.example/copy")

FOOTBALL = Item("Brazil beat Argentina in the cup final in Rio",
                "Brazil won the final two goals to one at the Maracana stadium in Rio de Janeiro on Sunday.",
                guid="football-1", link="https://sports.example/final")
VOLCANO = Item("Volcano erupts in Iceland, flights diverted",
               "A volcano on the Reykjanes peninsula erupted overnight, sending lava towards the town of Grindavik "
               "and forcing airlines to divert flights.", guid="volcano-1", link="https://alpha-news.example/volcano")
CEASEFIRE = Item("Ceasefire talks resume in Cairo",
                 "Negotiators met in Cairo on Tuesday to resume ceasefire talks, mediators from Egypt and Qatar said.",
                 guid="cairo-1", link="https://alpha-news.example/cairo")


def many(count: int, prefix: str = "dist", *, start: int = 0) -> list[Item]:
    """`count` unrelated stories (each its own story: distinct places, topics and words); `start` picks other
    ones (the same index with another prefix is a copy of the same story)."""
    topics = ["harvest festival", "chess tournament", "bridge opening", "museum exhibition", "marathon race",
              "orchestra concert", "robotics fair", "garden show", "film premiere", "library reopening",
              "sailing regatta", "cheese market", "kite contest", "jazz evening", "science olympiad"]
    towns = ["Tromso", "Valparaiso", "Hobart", "Kraków", "Cusco", "Nagano", "Galway", "Lviv", "Tartu", "Porto",
             "Bergen", "Ghent", "Salta", "Otago", "Matera"]
    items = []
    for index in range(start, start + count):
        topic, town = topics[index % len(topics)], towns[(index * 7) % len(towns)]
        items.append(Item(f"{town} hosts {topic} number {index}",
                          f"Residents of {town} gathered for the {topic} {index}; organisers praised volunteers "
                          f"{prefix}{index}.", guid=f"{prefix}-{index}", link=f"https://local{index}.example/{prefix}"))
    return items

# A second story told by three more outlets (for the breaking cooldown).
VOLCANO_2 = Item("Iceland volcano eruption sends lava towards Grindavik",
                 "Lava from the eruption on the Reykjanes peninsula flowed towards Grindavik overnight and "
                 "airlines diverted flights from Iceland.", guid="volcano-2", link="https://beta-wire.example/lava")
VOLCANO_3 = Item("Flights diverted as Reykjanes volcano erupts near Grindavik",
                 "Airlines diverted flights after a volcano erupted on the Reykjanes peninsula, with lava moving "
                 "towards Grindavik in Iceland.", guid="volcano-3", link="https://gamma-post.example/iceland")
