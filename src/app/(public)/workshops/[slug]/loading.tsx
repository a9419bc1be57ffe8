export { PublicProfileSkeleton as default } from "~/components/workshop-profile/public-profile-skeleton";
