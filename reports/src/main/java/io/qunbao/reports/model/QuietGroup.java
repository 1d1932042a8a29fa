package io.qunbao.reports.model;

import io.qunbao.reports.purpose.Purpose.GroupStatus;

/**
 * A group that is quiet on the report day by its type's rule: dying, or ended after the days it
 * was meant to run. Its name and owner come from the latest groups snapshot on or before the day
 * that lists it (null when none does), the owner's name from the staff snapshot.
 */
public record QuietGroup(GroupHealth health, GroupStatus status, String groupName, String ownerId, String ownerName) {}
