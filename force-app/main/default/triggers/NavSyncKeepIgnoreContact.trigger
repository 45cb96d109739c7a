/** A rep's Ignore on a Contact stays, whatever NavSync's integration user writes (see NavSyncKeepIgnore). */
trigger NavSyncKeepIgnoreContact on Contact(before update) {
    NavSyncKeepIgnore.keep(Trigger.new, Trigger.oldMap, Contact.Not_At_Company__c, Contact.LinkedIn_Validated_At__c);
}
