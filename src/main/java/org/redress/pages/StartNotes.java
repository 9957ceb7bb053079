package org.redress.pages;

/** A module's note for the start page, asked for each time the page is shown (what it lists can change). */
public interface StartNotes {

    StartNote note();
}
