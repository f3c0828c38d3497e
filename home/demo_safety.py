"""Demo text for the safety and privacy pages and the naloxone block: written for someone on a
shared or watched device, after what careful harm reduction and domestic-violence support sites
say. Editors change it in the admin; this only seeds a new site."""

from home.blocks import (
    NALOXONE_FREE,
    NALOXONE_MAIL_ORDER,
    NALOXONE_OVER_THE_COUNTER,
    NALOXONE_STEPS,
)

BROWSING_SAFELY_BODY = [
    ("heading", {"text": "The “Leave this site” button", "level": "h2"}),
    (
        "paragraph",
        "<p>The red button at the top of every page takes you straight to a weather website. "
        "Click or tap it, or press the Shift key three times in a row. It replaces the page you "
        "were on, so pressing Back does not bring that page up again.</p>",
    ),
    (
        "callout",
        {
            "tone": "important",
            "heading": "The button does not erase your history",
            "text": "<p>Other pages of this site that you opened before may still be one or two "
            "presses of Back away, and in your browser's history. To remove them, use a private "
            "window from the start, or clear your history as explained below.</p>",
        },
    ),
    ("heading", {"text": "Use a private window", "level": "h2"}),
    (
        "paragraph",
        "<p>A private window (also called incognito, InPrivate or Secret mode) does not save the "
        "pages you visit, what you search for, or what you type into forms once you close it. "
        "It does not hide what you do from your internet provider, a work or school network, or "
        "software installed on the device.</p>"
        "<ul>"
        "<li>Chrome or Edge on a computer: press Ctrl+Shift+N (on a Mac, ⌘+Shift+N).</li>"
        "<li>Firefox on a computer: press Ctrl+Shift+P (on a Mac, ⌘+Shift+P).</li>"
        "<li>Safari on a Mac: press ⌘+Shift+N.</li>"
        "<li>Safari on an iPhone or iPad: tap the tabs button, then “Private”.</li>"
        "<li>Chrome on Android: tap the menu (three dots), then “New Incognito tab”.</li>"
        "<li>Samsung Internet: tap the tabs button, then “Turn on Secret mode”.</li>"
        "</ul>",
    ),
    ("heading", {"text": "Clear your history", "level": "h2"}),
    (
        "paragraph",
        "<p>Your browser keeps a list of the pages you visit. You can remove only the pages from "
        "this site, which is less noticeable than clearing everything.</p>"
        "<ul>"
        "<li>Chrome, Edge or Firefox on a computer: open History from the menu (Ctrl+H on "
        "Windows), find the pages from this site and remove them.</li>"
        "<li>Safari on a Mac: choose History, then Show All History, select the pages and press "
        "Delete.</li>"
        "<li>Safari on an iPhone or iPad: tap the bookmarks button, then the clock, and swipe "
        "left on a page to delete it.</li>"
        "<li>Chrome on Android: tap the menu (three dots), then History, then the X beside a "
        "page.</li>"
        "</ul>",
    ),
    ("heading", {"text": "Other traces to think about", "level": "h2"}),
    (
        "paragraph",
        "<ul>"
        "<li><b>Calls and texts.</b> Calling or texting a number from this site puts it in your "
        "phone's call log or messages. You can delete single entries.</li>"
        "<li><b>Email and voicemail.</b> Messages stay in a mailbox until they are deleted. "
        "That is why our contact form asks whether it is OK to email you or leave a voicemail.</li>"
        "<li><b>Search engines.</b> What you typed to find us may be saved in a search engine "
        "account's activity history.</li>"
        "<li><b>Saved form entries and downloads.</b> Browsers can offer to remember what you "
        "type, and downloaded files stay in the Downloads folder.</li>"
        "<li><b>Shared accounts.</b> If the browser is signed in to an account that other "
        "devices share, your history may appear on those devices too.</li>"
        "</ul>",
    ),
    (
        "callout",
        {
            "tone": "safety",
            "heading": "If someone is watching what you do",
            "text": "<p>The safest choice is a device they cannot get to, such as a friend's "
            "phone or a library computer. If you are in danger now, call 911. The National "
            "Domestic Violence Hotline is free, private and open 24/7: call 1-800-799-7233 or "
            "text START to 88788.</p>",
        },
    ),
]

PRIVACY_BODY = [
    ("heading", {"text": "Reading this site", "level": "h2"}),
    (
        "paragraph",
        "<p>This site uses no cookies, trackers, analytics, advertising or social media "
        "buttons, and no fonts, maps or videos from other companies. Every file a page needs "
        "comes from our own server, so no other company learns that you visited. Like any web "
        "server, ours keeps a short technical log of requests (internet address, page and "
        "time) to keep the site working and secure; we do not use it to find out who visitors "
        "are.</p>",
    ),
    ("heading", {"text": "Pages with a form", "level": "h2"}),
    (
        "paragraph",
        "<p>A page with a form sets one cookie, called <i>csrftoken</i>, which stops other "
        "websites from sending the form in your name. It holds nothing about you and is not "
        "used to follow you.</p>",
    ),
    ("heading", {"text": "When you send us a message", "level": "h2"}),
    (
        "paragraph",
        "<p><b>What we collect:</b> the name you give, a phone number or email address, how "
        "you want us to reply, whether we may leave a voicemail or email you, which clinician "
        "you would like to hear from if you choose one, and anything you choose to write.</p>"
        "<p><b>Why:</b> only to get back to you, in the way you chose.</p>"
        "<p><b>Who sees it:</b> only the practice's staff, in the site's password-protected "
        "admin. The email that tells staff a message arrived does not contain it. We never "
        "sell it or share it for advertising.</p>"
        "<p>Please leave health details out of the form: you can tell us when we talk.</p>",
    ),
    ("heading", {"text": "When you apply for a job", "level": "h2"}),
    (
        "paragraph",
        "<p>We collect what you send in the application form and the files you attach, to "
        "consider your application. Only the staff who handle hiring can read them; files are "
        "kept outside the public website.</p>",
    ),
    ("heading", {"text": "When you search this site", "level": "h2"}),
    (
        "paragraph",
        "<p>We count the words people search for, to learn what to write about. We keep only "
        "the words and how many times a day they were searched, never who searched.</p>",
    ),
    ("retention_periods", {"heading": "How long we keep it", "note": ""}),
    ("heading", {"text": "Your choices", "level": "h2"}),
    (
        "paragraph",
        "<p>You can ask us what we hold about you, and ask us to correct or delete it sooner: "
        "call or email the practice, using the details at the foot of every page.</p>",
    ),
]


NALOXONE = {
    "heading": "Get naloxone",
    "intro": (
        "Naloxone reverses an opioid overdose. It is safe, and it cannot hurt someone who has "
        "not taken opioids. Carry it if you or someone near you uses drugs."
    ),
    "where_to_get_it_free": NALOXONE_FREE,
    "over_the_counter": NALOXONE_OVER_THE_COUNTER,
    "mail_order": NALOXONE_MAIL_ORDER,
    "how_to_use_it": NALOXONE_STEPS,
}
