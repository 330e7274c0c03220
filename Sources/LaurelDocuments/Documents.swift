/// LaurelDocuments: what goes in and out of Laurel as files (spreadsheets, printable forms).
public enum LaurelDocuments {}
