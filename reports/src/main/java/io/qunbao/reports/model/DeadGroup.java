package io.qunbao.reports.model;

/**
 * A group flagged {@code is_dead} on the report day, with its name and owner from the latest groups
 * snapshot (null when no snapshot lists it) and the owner's name from the staff snapshot.
 */
public record DeadGroup(GroupHealth health, String groupName, String ownerId, String ownerName) {}
