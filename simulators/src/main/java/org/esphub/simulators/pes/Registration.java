package org.esphub.simulators.pes;

/**
 * Outcome of {@link JobseekerRegistry#register}.
 *
 * @param created {@code false} when the request repeated an earlier one and got its jobseeker back
 */
public record Registration(Jobseeker jobseeker, boolean created) {
}
