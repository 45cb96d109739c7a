import { defineArea } from '../catalogue';

// Field-level errors of the settings page (both CRMs) and of seat management.
export const settingsArea = defineArea('settings', {
  en: {
    errUnreadable: 'The settings could not be read. Reload the page and try again.',
    errYesNo: 'Choose Yes or No.',
    errDate: 'This is not a valid date and time.',
    errStageUnknown: '“{stage}” is not one of the opportunity stages of this org. Choose a stage or Not sure.',
    errStageClosed: '“{stage}” is a closed stage. Choose an open stage or Not sure.',
    errWonFieldUnknown: 'Opportunity has no field “{field}”. Choose a currency field or Not sure.',
    errWonFieldNotCurrency: '“{field}” is not a currency field. Choose a currency field or Not sure.',
    errUnknownItem: '“{item}” is not an item NavSync can write back.',
    errNoItems: 'Choose at least one item to write back, or turn write-back off.',
    errNeedsConnection: 'Connect NavSync to Sales Navigator before you turn on data validation.',
    seatUnknownUser: 'No CRM user “{user}” was found.',
    seatInactiveUser: '{user} is an inactive user and cannot get a seat.',
    seatDuplicate: '{user} already has a seat.',
    seatLimitExceeded:
      'Your contract allows {limit, plural, one {# seat} other {# seats}}; this would make {count}. Remove seats first or add fewer users.',
  },
  nl: {
    errUnreadable: 'De instellingen konden niet worden gelezen. Laad de pagina opnieuw en probeer het nogmaals.',
    errYesNo: 'Kies Ja of Nee.',
    errDate: 'Dit is geen geldige datum en tijd.',
    errStageUnknown: '“{stage}” is geen verkoopkansfase van deze org. Kies een fase of Weet ik niet.',
    errStageClosed: '“{stage}” is een gesloten fase. Kies een open fase of Weet ik niet.',
    errWonFieldUnknown: 'Verkoopkans heeft geen veld “{field}”. Kies een valutaveld of Weet ik niet.',
    errWonFieldNotCurrency: '“{field}” is geen valutaveld. Kies een valutaveld of Weet ik niet.',
    errUnknownItem: '“{item}” is geen item dat NavSync kan terugschrijven.',
    errNoItems: 'Kies minstens één item om terug te schrijven, of zet terugschrijven uit.',
    errNeedsConnection: 'Verbind NavSync met Sales Navigator voordat u gegevensvalidatie inschakelt.',
    seatUnknownUser: 'Er is geen CRM-gebruiker “{user}” gevonden.',
    seatInactiveUser: '{user} is een inactieve gebruiker en kan geen licentie krijgen.',
    seatDuplicate: '{user} heeft al een licentie.',
    seatLimitExceeded:
      'Uw contract staat {limit, plural, one {# licentie} other {# licenties}} toe; dit zouden er {count} worden. Verwijder eerst licenties of voeg minder gebruikers toe.',
  },
  fr: {
    errUnreadable: 'Impossible de lire les paramètres. Rechargez la page et réessayez.',
    errYesNo: 'Choisissez Oui ou Non.',
    errDate: 'Cette date et heure n’est pas valide.',
    errStageUnknown:
      '« {stage} » n’est pas une étape d’opportunité de cette org. Choisissez une étape ou Je ne sais pas.',
    errStageClosed: '« {stage} » est une étape fermée. Choisissez une étape ouverte ou Je ne sais pas.',
    errWonFieldUnknown: 'L’opportunité n’a pas de champ « {field} ». Choisissez un champ de devise ou Je ne sais pas.',
    errWonFieldNotCurrency:
      '« {field} » n’est pas un champ de devise. Choisissez un champ de devise ou Je ne sais pas.',
    errUnknownItem: '« {item} » n’est pas un élément que NavSync peut réécrire.',
    errNoItems: 'Choisissez au moins un élément à réécrire, ou désactivez la réécriture.',
    errNeedsConnection: 'Connectez NavSync à Sales Navigator avant d’activer la validation des données.',
    seatUnknownUser: 'Aucun utilisateur CRM « {user} » n’a été trouvé.',
    seatInactiveUser: '{user} est un utilisateur inactif et ne peut pas recevoir de licence.',
    seatDuplicate: '{user} a déjà une licence.',
    seatLimitExceeded:
      'Votre contrat autorise {limit, plural, one {# licence} other {# licences}} ; vous en auriez {count}. Retirez d’abord des licences ou ajoutez moins d’utilisateurs.',
  },
  it: {
    errUnreadable: 'Impossibile leggere le impostazioni. Ricarica la pagina e riprova.',
    errYesNo: 'Scegli Sì o No.',
    errDate: 'Data e ora non valide.',
    errStageUnknown: '“{stage}” non è una fase opportunità di questa org. Scegli una fase oppure Non so.',
    errStageClosed: '“{stage}” è una fase chiusa. Scegli una fase aperta oppure Non so.',
    errWonFieldUnknown: 'L’opportunità non ha il campo “{field}”. Scegli un campo valuta oppure Non so.',
    errWonFieldNotCurrency: '“{field}” non è un campo valuta. Scegli un campo valuta oppure Non so.',
    errUnknownItem: '“{item}” non è un elemento che NavSync può riscrivere.',
    errNoItems: 'Scegli almeno un elemento da riscrivere, oppure disattiva la riscrittura.',
    errNeedsConnection: 'Collega NavSync a Sales Navigator prima di attivare la convalida dei dati.',
    seatUnknownUser: 'Nessun utente CRM “{user}” trovato.',
    seatInactiveUser: '{user} è un utente inattivo e non può ricevere una licenza.',
    seatDuplicate: '{user} ha già una licenza.',
    seatLimitExceeded:
      'Il tuo contratto consente {limit, plural, one {# licenza} other {# licenze}}; così sarebbero {count}. Rimuovi prima delle licenze o aggiungi meno utenti.',
  },
  de: {
    errUnreadable:
      'Die Einstellungen konnten nicht gelesen werden. Laden Sie die Seite neu und versuchen Sie es erneut.',
    errYesNo: 'Wählen Sie Ja oder Nein.',
    errDate: 'Dies ist kein gültiges Datum mit Uhrzeit.',
    errStageUnknown: '„{stage}“ ist keine Verkaufschancenphase dieser Org. Wählen Sie eine Phase oder Nicht sicher.',
    errStageClosed: '„{stage}“ ist eine geschlossene Phase. Wählen Sie eine offene Phase oder Nicht sicher.',
    errWonFieldUnknown: 'Die Verkaufschance hat kein Feld „{field}“. Wählen Sie ein Währungsfeld oder Nicht sicher.',
    errWonFieldNotCurrency: '„{field}“ ist kein Währungsfeld. Wählen Sie ein Währungsfeld oder Nicht sicher.',
    errUnknownItem: '„{item}“ ist kein Element, das NavSync zurückschreiben kann.',
    errNoItems: 'Wählen Sie mindestens ein Element zum Zurückschreiben oder schalten Sie das Zurückschreiben aus.',
    errNeedsConnection: 'Verbinden Sie NavSync mit Sales Navigator, bevor Sie die Datenvalidierung einschalten.',
    seatUnknownUser: 'Kein CRM-Benutzer „{user}“ gefunden.',
    seatInactiveUser: '{user} ist ein inaktiver Benutzer und kann keine Lizenz erhalten.',
    seatDuplicate: '{user} hat bereits eine Lizenz.',
    seatLimitExceeded:
      'Ihr Vertrag erlaubt {limit, plural, one {# Lizenz} other {# Lizenzen}}; damit wären es {count}. Entfernen Sie zuerst Lizenzen oder fügen Sie weniger Benutzer hinzu.',
  },
});
